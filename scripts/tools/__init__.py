"""Development tools: benchmarks, the external-link check and the comparison of two builds."""
