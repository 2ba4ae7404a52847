// The cold-start floor (issue 8): the time Node needs just to import the two
// document libraries every writing command loads. Nothing else happens here.
await import('docx');
await import('exceljs');
