"""Training: isolated spaces on synthetic data, exercises with ground truth, scores, courses."""
