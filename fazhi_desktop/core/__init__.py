"""The report model and everything pure about it. Standard library only: no Qt, SQLite or docx."""
