"""Demo-mode adapters: everything in this process."""
