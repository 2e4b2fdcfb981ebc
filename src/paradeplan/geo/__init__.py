"""Geography: distances, the street graph, OpenStreetMap import, the gazetteer, geocoding and travel times."""
