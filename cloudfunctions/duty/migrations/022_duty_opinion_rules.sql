-- What a member's 社情民意 work earns (issue 20): a proposal 立案, a 专报 adopted, a 批示. Versioned
-- like every rule; opinions tells duty of each (event `opinion.credited`), duty writes the record.
INSERT INTO duty_rules (kind, label, points, effective_from) VALUES
  ('proposal', '提交提案并立案', 8, '2020-01-01'),
  ('report_adopted', '社情民意信息被采用', 6, '2020-01-01'),
  ('endorsement', '社情民意信息获领导批示', 10, '2020-01-01');
