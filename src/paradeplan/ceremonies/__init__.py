"""Opening ceremonies and the week's calendar, scheduled with OR-Tools CP-SAT (modules load lazily)."""
