"""The county office's side, as pure functions: roster names, matching received files to units, deadlines,
the status of each unit, summing figures across units and the review notes sent back."""
