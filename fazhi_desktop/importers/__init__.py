"""Reading existing reports (.docx, .txt, pasted text) into the report model: importers.load.import_file and
import_text are the one way in (import, the import preview, check FILE, and anything else that reads files)."""
