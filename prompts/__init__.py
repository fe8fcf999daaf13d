# Data package: installed as simulator._prompts so that `pip install .` ships the question bank and rubric.
