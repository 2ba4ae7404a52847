// The docxtemplater side of the comparison (docs/format.md#library-facts): a Word template
// holding the same table as the task table — A4 landscape section, seven
// fixed-width columns, two repeated header rows (整改问题 over three columns),
// body cells in 仿宋 小四 with exact line spacing, centred or justified — whose
// one body row is a loop ({#rows} … {/rows}) that docxtemplater repeats once a
// problem. What it cannot do (merge the category cells down, estimate column
// widths from the text, keep short rows whole) the zhenggai renderer does on
// top; the comparison is of filling the table.
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COLUMNS = [
  { key: 'category', header: '发现问题方式', group: '整改问题', width: 1200, align: 'center' },
  { key: 'number', header: '序号', group: '整改问题', width: 700, align: 'center' },
  { key: 'summary', header: '问题简述', group: '整改问题', width: 3000, align: 'both' },
  { key: 'measures', header: '整改措施', width: 4800, align: 'both' },
  { key: 'deadline', header: '整改时限', width: 1400, align: 'center' },
  { key: 'leadUnits', header: '牵头单位', width: 1300, align: 'center' },
  { key: 'cooperatingUnits', header: '配合单位', width: 1357, align: 'center' },
];

const font = (face, halfPt) =>
  `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${face}" w:cs="Times New Roman"/><w:sz w:val="${halfPt}"/><w:szCs w:val="${halfPt}"/></w:rPr>`;

function cell(width, text, { face = '仿宋_GB2312', halfPt = 24, align = 'center', merge = '', span = 1 } = {}) {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="exact"/><w:jc w:val="${align}"/></w:pPr>` +
    `<w:r>${font(face, halfPt)}<w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`
  );
}

function tableXml() {
  const header = { face: '黑体', halfPt: 24 };
  const grid = COLUMNS.map((c) => `<w:gridCol w:w="${c.width}"/>`).join('');
  const groupWidth = COLUMNS.filter((c) => c.group).reduce((s, c) => s + c.width, 0);
  const first =
    cell(groupWidth, '整改问题', { ...header, span: 3 }) +
    COLUMNS.filter((c) => !c.group)
      .map((c) => cell(c.width, c.header, { ...header, merge: '<w:vMerge w:val="restart"/>' }))
      .join('');
  const second =
    COLUMNS.filter((c) => c.group)
      .map((c) => cell(c.width, c.header, header))
      .join('') +
    COLUMNS.filter((c) => !c.group)
      .map((c) => cell(c.width, '', { ...header, merge: '<w:vMerge/>' }))
      .join('');
  const body = COLUMNS.map((c, i) => {
    const open = i === 0 ? '{#rows}' : '';
    const close = i === COLUMNS.length - 1 ? '{/rows}' : '';
    return cell(c.width, `${open}{${c.key}}${close}`, { align: c.align });
  }).join('');
  const headerRow = (cells) => `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells}</w:tr>`;
  const rule = (side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="13757" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(rule).join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${headerRow(first)}${headerRow(second)}<w:tr><w:trPr><w:cantSplit/></w:trPr>${body}</w:tr></w:tbl>`
  );
}

function documentXml() {
  const line = (text, face, halfPt, align) =>
    `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/><w:jc w:val="${align}"/></w:pPr><w:r>${font(face, halfPt)}<w:t>${text}</w:t></w:r></w:p>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>` +
    line('附件', '黑体', 32, 'left') +
    line('', '仿宋_GB2312', 32, 'left') +
    line('{title}', '方正小标宋简体', 44, 'center') +
    tableXml() +
    '<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' +
    '<w:pgMar w:top="1587" w:right="2098" w:bottom="1474" w:left="1984" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

/** The template as .docx bytes. */
export function docxtemplaterTemplate() {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', documentXml());
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
