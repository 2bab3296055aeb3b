"""The curriculum/course plugin: compiles curriculum/, docs/ and translations/ once per build into
the staged docs tree MkDocs reads, and into the CurriculumBuild every curriculum/ plugin reads."""
