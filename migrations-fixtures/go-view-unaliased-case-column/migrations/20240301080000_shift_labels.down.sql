DROP VIEW shift_labels;
