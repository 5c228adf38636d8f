// Builds the held-out variants of the dev file: the same rows as GBK CSV and as XLSX (via exceljs), with
// other header names, another column order and a title row, so they must score like the CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

// Other names the registry services use for the same columns.
const RENAME: Record<string, string> = {
  企业名称: '公司名称',
  统一社会信用代码: '信用代码',
  登记状态: '经营状态',
  省份: '所属省份',
  城市: '所属城市',
  区县: '所属区县',
  企业地址: '注册地址',
  国标行业: '所属行业',
  企业类型: '公司类型',
};

function shuffled(devCsv: string): string[][] {
  const rows = parse(readFileSync(devCsv), { bom: true, relax_column_count: true }) as string[][];
  const header = rows[0].map((h) => RENAME[h] ?? h);
  // Reverse the column order: scope first, name late.
  const order = header.map((_, i) => header.length - 1 - i);
  return [order.map((i) => header[i]), ...rows.slice(1).map((r) => order.map((i) => r[i] ?? ''))];
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeVariants(devCsv: string, dir: string): Promise<{ gbk: string; xlsx: string }> {
  const rows = shuffled(devCsv);
  const gbk = join(dir, 'registry-dev.gbk.csv');
  writeFileSync(gbk, iconv.encode(`${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'gbk'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['长春市企业名录（导出）']);
  ws.mergeCells(1, 1, 1, rows[0].length);
  for (const r of rows) ws.addRow(r);
  const xlsx = join(dir, 'registry-dev.xlsx');
  await wb.xlsx.writeFile(xlsx);
  return { gbk, xlsx };
}
