"""Great Expectations suites as JSON files (`articles.json`).

A package only so that the suites install with Newswatch (package data);
`tasks/validate.py` reads them from here.
"""
