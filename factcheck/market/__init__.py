"""Market history: shipped data (data/), the user's ccxt-fed store, and the lookups checks use.

Nothing here imports pandas or ccxt at module level; ``update`` and ``build_shipped`` import them
inside the functions that need them.
"""
