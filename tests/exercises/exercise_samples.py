"""One well-formed block of every type, as an author writes them."""

CHOICE = """\
/// choice | trust-building-listening
mode: single
question: |
  A sex worker-led organization says the clinic's hours exclude its members. What shows *listening*?
options:
  - text: The clinic changes its hours after agreeing them with the organization.
    correct: true
    feedback: Yes. Acting on a concern, agreed together, builds trust.
  - text: The clinic explains why the hours cannot change.
    feedback: Explaining is not acting. Trust grows when concerns lead to change.
explanation: Listening means acting on what you hear (SWIT 1.2.1).
discussion: Ask what stops services from changing opening hours.
///
"""

MULTIPLE = """\
/// choice | trust-building-signs
mode: multiple
question: Which of these build trust?
options:
  - text: Keeping promises.
    correct: true
    feedback: Kept promises show respect.
  - text: Asking for trust first.
    feedback: Trust is earned by actions.
  - text: Acting on feedback.
    correct: true
    feedback: Action shows you listened.
///
"""

SCENARIO = """\
/// scenario | practice-police-raid
sector: police
situation: |
  *Illustrative scenario.* An officer hears of a planned raid.
question: What would you do?
choices:
  - text: Tell the liaison officer and the organization's contact.
    rationale: Keeps lines of communication open.
    recommended: true
  - text: Say nothing.
    rationale: Silence breaks trust.
follow_up:
  situation: The organization asks for a meeting.
  question: What next?
  choices:
    - text: Meet them this week.
      rationale: Quick response shows respect.
      recommended: true
    - text: Postpone.
      rationale: Delay sends a message.
discussion: Trainer notes on police practice.
///
"""

REFLECTION = """\
/// reflection | trust-building-reflect
prompt: Think of a time a service made you feel respected. What did they do?
hint: A small gesture counts.
discussion: Invite volunteers only.
///
"""

SCALES = """\
/// scale | trust-building-confidence-before
phase: before
kind: confidence
statements:
  - I can explain why listening must lead to action.
  - I know what breaks trust.
///

Lesson text.

/// scale | trust-building-confidence-after
phase: after
compare: trust-building-confidence-before
///
"""

ALL = "\n".join(["# Lesson", CHOICE, MULTIPLE, SCENARIO, REFLECTION, SCALES])
