"""The route stage: street-name matching, route resolution on the street graph, junctions and exports."""
