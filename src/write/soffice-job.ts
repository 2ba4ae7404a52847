// The LibreOffice side of a conversion in one launch: a StarBasic macro in
// the throw-away profile that converts the files a job folder lists, marks
// the first list done, waits for a second list (the packet's contents list,
// whose page counts need the first PDFs), converts it and quits.
//
// Why a macro rather than `--convert-to`: one `--convert-to` call takes its
// files and one filter from the command line, so a file made after the first
// PDFs (the contents list) needed a second launch (≈ 2.4 s), and Writer's
// IsSkipEmptyPages option — off for documents with a 版记, whose blank even
// page LibreOffice would otherwise drop — named a Writer-only filter, so those
// documents needed a batch of their own. The macro sets the filter and its
// options per file, so every file of a command goes through one launch.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFolders } from './make-folders.js';

/** One file to convert: its path, its PDF's path, and whether blank pages LibreOffice inserts are kept. */
export interface JobEntry {
  readonly input: string;
  readonly output: string;
  readonly keepBlankPages: boolean;
}

/** The files of the job folder the macro reads and writes (names only; the folder is the profile's). */
export const JOB_FILES = { first: 'first.txt', firstDone: 'first.done', next: 'next.txt', error: 'error.txt' } as const;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Lists are three lines a file: input URL, output URL, 1 to keep blank pages.
// URLs are ASCII (percent-encoded), so Basic's Line Input reads them in any locale.
const MACRO = `Sub Run(job As String)
  On Error Goto Failed
  ConvertList(job & "/${JOB_FILES.first}")
  Touch(job & "/${JOB_FILES.firstDone}")
  Dim waited As Long
  Do While Not FileExists(job & "/${JOB_FILES.next}")
    Wait 20
    waited = waited + 20
    If waited > 900000 Then Goto Finish
  Loop
  ConvertList(job & "/${JOB_FILES.next}")
Finish:
  StarDesktop.terminate()
  Exit Sub
Failed:
  Dim n As Integer
  n = FreeFile
  Open job & "/${JOB_FILES.error}" For Output As #n
  Print #n, "Basic error " & Err & " at line " & Erl & ": " & Error$
  Close #n
  StarDesktop.terminate()
End Sub

Sub Touch(url As String)
  Dim n As Integer
  n = FreeFile
  Open url For Output As #n
  Close #n
End Sub

Sub ConvertList(list As String)
  Dim n As Integer, inUrl As String, outUrl As String, keep As String
  n = FreeFile
  Open list For Input As #n
  Do While Not EOF(n)
    Line Input #n, inUrl
    If inUrl <> "" Then
      Line Input #n, outUrl
      Line Input #n, keep
      ConvertOne(inUrl, outUrl, keep = "1")
    End If
  Loop
  Close #n
End Sub

Sub ConvertOne(inUrl As String, outUrl As String, keepBlank As Boolean)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, load())
  Dim data(0) As New com.sun.star.beans.PropertyValue
  data(0).Name = "IsSkipEmptyPages"
  data(0).Value = False
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  If doc.supportsService("com.sun.star.sheet.SpreadsheetDocument") Then
    store(0).Value = "calc_pdf_Export"
  Else
    store(0).Value = "writer_pdf_Export"
  End If
  If keepBlank Then
    store(1).Name = "FilterData"
    store(1).Value = data()
  Else
    store(1).Name = "Overwrite"
    store(1).Value = True
  End If
  doc.storeToURL(outUrl, store())
  doc.close(True)
End Sub
`;

const LIBRARY_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Prepare `profile` (a LibreOffice UserInstallation folder that does not yet
 * exist) with the macro in its Standard library and the job folder. A profile
 * marked ooSetupInstCompleted is taken as set up, so LibreOffice does not copy
 * its presets over the library on first start. Returns the job folder.
 */
export async function prepareProfile(profile: string): Promise<string> {
  const basic = join(profile, 'user', 'basic');
  await makeFolders(join(basic, 'Standard'));
  const job = join(profile, 'job');
  await mkdir(job);
  const libraries = `${LIBRARY_HEAD}<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">\n<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">\n <library:library library:name="Standard" library:link="false"/>\n</library:libraries>\n`;
  const library = (element: string) =>
    `${LIBRARY_HEAD}<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">${element}</library:library>\n`;
  await Promise.all([
    writeFile(join(basic, 'script.xlc'), libraries),
    writeFile(join(basic, 'dialog.xlc'), libraries),
    writeFile(join(basic, 'Standard', 'script.xlb'), library('\n <library:element library:name="Zhenggai"/>\n')),
    writeFile(join(basic, 'Standard', 'dialog.xlb'), library('')),
    writeFile(
      join(basic, 'Standard', 'Zhenggai.xba'),
      `${LIBRARY_HEAD}<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Zhenggai" script:language="StarBasic">${xml(MACRO)}</script:module>\n`,
    ),
    writeFile(
      join(profile, 'user', 'registrymodifications.xcu'),
      `${LIBRARY_HEAD}<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>\n</oor:items>\n`,
    ),
  ]);
  return job;
}

/** The command-line argument that runs the macro on `job`. */
export function macroArgument(job: string): string {
  return `macro:///Standard.Zhenggai.Run("${pathToFileURL(job).href}")`;
}

/** A list file's text: three lines a file (input URL, output URL, 1 or 0). */
export function jobList(entries: readonly JobEntry[]): string {
  return entries.map((e) => `${pathToFileURL(e.input).href}\n${pathToFileURL(e.output).href}\n${e.keepBlankPages ? 1 : 0}\n`).join('');
}
