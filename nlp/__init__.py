"""Swedish NLP: Document records -> Facts, Measures and Findings. Knows nothing of HTTP."""
