"""Reading existing reports (.docx, .txt, pasted text) into the report model."""
