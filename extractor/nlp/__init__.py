"""What every rule needs from the language: tagging, morphology, inflection, phrases, numbers."""
