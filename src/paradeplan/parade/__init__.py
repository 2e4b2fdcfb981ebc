"""The parade stage: timing, posts policy, escort, line-up, onward routes, assembly and the checker."""
