"""The report list: new, copy to next year, delete."""
