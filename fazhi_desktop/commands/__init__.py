"""Subcommands of the ``fazhi-desktop`` command line. Each module has ``register(subparsers)``."""
