"""The only package that imports PySide6. Thin: widgets emit intent, the window calls core/storage.

Start-up and PySide6's ``Qt`` namespace: the first use of ``Qt.<anything>`` — or of a call whose
overload resolution looks at it, such as ``QAction.setShortcut(QKeySequence)`` — makes PySide6 build
all 93 enum types of the namespace at once (about 13 ms, an eighth of the whole start). The code that
runs until the window is first shown does without it: ``setShortcuts([...])`` instead of
``setShortcut``, item-data roles as plain ints, ``Qt`` imported inside the functions that need it
later (filling the 数据指标 table, a long task's dialog). tests/ui/test_lazy_tabs.py fails when
something on that path builds the namespace again, and names what the first screen must not import.
"""
