"""``mock-interview serve``: practise in the browser, on this machine, with the same pipeline and sessions.

Nothing here is imported by the other commands: Starlette and uvicorn load
only when the server starts.
"""
