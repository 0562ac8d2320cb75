/** A first guess at the mapping from the column names (English and Portuguese), for the mapping screen. */
export function suggestMapping(headers: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  let phone = false;
  headers.forEach((h, i) => {
    const name = h.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
    let target = "ignore";
    if (!phone && /(phone|telefone|celular|whatsapp|numero|mobile|fone)/.test(name)) {
      target = "phone";
      phone = true;
    } else if (/^(name|nome|full name|nome completo|contato|contact)$/.test(name)) target = "name";
    else if (/(e-?mail)/.test(name)) target = "email";
    else if (/(consent|opt.?in|consentimento|aceite|aceita)/.test(name)) target = "consent";
    else if (/^(tags?|etiquetas?)$/.test(name)) target = "tags";
    mapping[String(i)] = target;
  });
  return mapping;
}
