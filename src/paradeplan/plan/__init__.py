"""The plan stage: the validated plan model, plan-file loading and the cross-field rules."""
