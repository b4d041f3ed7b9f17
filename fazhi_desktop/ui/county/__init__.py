"""The 汇总 view: the county offices board of every units report, and its dialogs."""
