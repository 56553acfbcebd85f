"""factcheck: a market-claims fact-checker for crypto and finance writing."""

__version__ = "0.1.0"
