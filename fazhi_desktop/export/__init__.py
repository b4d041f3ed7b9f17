"""The only package that imports python-docx: the GB/T 9704 Word export."""
