"""Small reports the tests share."""

SMALL_REPORT = """\
\tI.\tOrganization of the Meeting
The Fourteenth Meeting of States Parties was held in Geneva from 8 to 11 September 2026.
The following States Parties participated in the work of the Meeting: Austria, Chile and Ghana.
At its first plenary session, the Meeting elected Chile and Mexico as Vice-Presidents.
The Meeting adopted its report.[footnoteRef:1]
"""
"""A short report with two findings (Vice-President Mexico is not among the
participants; footnote 1 has no text): enough to exercise a command end to end."""
