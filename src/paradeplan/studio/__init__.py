"""The planning studio: a local web application where a clerk finishes an imported plan in the browser."""
