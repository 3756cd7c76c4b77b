"""The story: everything that compares the analysed articles of one story with each other.

Stages in pipeline order: syndication (which articles copy one origin), resolve (one entity per
real thing), claims, quotes_across, align (which claims state one fact), judge (status and
conflicts), timeline, summary; `build.compare_analyses` wires them into a Report.
"""
