"""The pages the split script writes, one module each; the print edition gathers the others."""
