"""The HTTP server's machinery behind `consilience.http`: request limits, security headers, file
uploads read by `consilience.ingest`, and the pool of worker processes that runs the stages.

`consilience.http.create_app` wires these together; nothing here decides anything about news.
The page itself (index.html, app.js, app.css) is package data in this folder.
"""
