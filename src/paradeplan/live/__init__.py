"""Live operations on the day: re-timing from reports (model), the report store, the server and its three views."""
