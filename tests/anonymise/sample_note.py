"""A realistic 300-word session note (invented) for speed measurements: mostly narrative, a few identifiers."""

SAMPLE_NOTE = """Session 6 with Samuel at the youth hub. He arrived ten minutes late because the bus from Todmorden was
cancelled again, and he was visibly frustrated when he came in. We spent the first part of the session settling: he
rated his anxiety 7/10 and his mood 4/10, slightly better than last week. He said things at home have been tense since
his mum Adaeze started a new job with longer shifts, and he is doing more of the cooking and looking after his younger
sister. He feels this is unfair but also said he is proud that he can help. We talked about how he could ask for some
time for himself without feeling guilty.

He has been sleeping badly, around five hours a night, mostly because he is on his phone until after midnight. We
looked at his sleep diary together and agreed to try putting the phone on charge in the kitchen from 11pm for the next
week. He was sceptical but willing. We practised box breathing and the 5-4-3-2-1 grounding exercise again; he said the
grounding helped on the bus last Tuesday when he felt panicky.

School: Year 11 mocks start after half term. He is worried about maths and feels his teacher, Mr Pemberton, does not
like him. He has a meeting with the SENCo on the 14th about exam access arrangements. His friend Tobiah has been
supportive and they have been revising together at the library on Saturdays.

Risk: no thoughts of self-harm this week; safety plan reviewed and he still has the Samaritans and Shout numbers saved.
He knows to call NHS 111 or go to A&E if things get worse. GP review of sertraline 50mg is booked for next month.

Plan: sleep experiment for one week, message me on 07700 900123 if anything changes, next session in two weeks.
"""
