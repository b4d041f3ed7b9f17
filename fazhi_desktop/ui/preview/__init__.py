"""预览: the report's printed pages drawn from the export's own page plan, and the PDF and PNG files
drawn the same way (one painter, :mod:`.page_painter`)."""
