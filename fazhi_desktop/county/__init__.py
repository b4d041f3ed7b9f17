"""The county office's side, shared by the ``county`` commands and the 汇总 view: collecting the units'
reports, the status board, review notes and the figures table. It composes core, storage, importers
and export and never imports Qt."""
