/**
 * `codebook.md`: the codebook for people, one table per section. Definition text is escaped
 * so that Markdown renderers show it as text (no HTML, no table breakage).
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { codebookRows } from './codebook.js';
import { en, fr } from './text.js';

/** Escapes text for a Markdown table cell. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]#])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** `codebook.md` of a compiled questionnaire. */
export function emitCodebookMd(compiled: CompiledQuestionnaire): string {
  const rows = codebookRows(compiled);
  const out: string[] = [];
  out.push(`# Dictionnaire des variables — ${escapeMarkdown(fr(compiled.title))}`, '');
  out.push(`*Codebook — ${escapeMarkdown(en(compiled.title))}*`, '');
  out.push(`- Questionnaire : \`${compiled.questionnaire.id}\` ${compiled.questionnaire.version}`);
  out.push(`- Extension : ${compiled.extension ? `\`${compiled.extension.id}\` ${compiled.extension.version}` : 'aucune / none'}`);
  out.push(`- Territoire : ${compiled.territory ? `${escapeMarkdown(compiled.territory.name)} (${compiled.territory.level} ${compiled.territory.code})` : 'tout territoire / any territory'}`);
  out.push(
    '- Colonnes de l’export : `<id>` réponse ; `<id>_other` texte « autre » ; `<id>__<code>` 0/1 par choix d’une question à choix multiples ; `<id>__<ligne>` une colonne par ligne d’une grille.',
    '',
  );
  for (const section of compiled.sections) {
    const inSection = rows.filter((r) => r.section === section.id);
    out.push(`## ${escapeMarkdown(fr(section.title))}`, '');
    if (section.title.en) out.push(`*${escapeMarkdown(section.title.en)}*`, '');
    out.push('| Variable | Q | Type | Libellé | Codes | Condition | Obligatoire | Origine |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const r of inSection) {
      const cells = [
        `\`${r.variable}\``,
        r.question,
        escapeMarkdown(`${r.type} (${r.format_fr})`),
        r.label_en && r.label_en !== r.label_fr
          ? `${escapeMarkdown(r.label_fr)}<br>*${escapeMarkdown(r.label_en)}*`
          : escapeMarkdown(r.label_fr),
        escapeMarkdown(r.codes_fr).replace(/ \\\| /g, '<br>'),
        escapeMarkdown(r.condition_fr),
        escapeMarkdown(r.required_fr),
        escapeMarkdown(`${r.origin} ${r.version}`),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
