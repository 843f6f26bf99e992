"""Operations: time-boxed deployments, their temporary access, statistics and reports."""
