"""Records: validating raw input into rows, importing files, and the record use cases."""
