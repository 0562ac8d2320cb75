/** CPF: 11 digits, two mod-11 check digits; repeated-digit numbers (111.111.111-11) are invalid. */
export function isValidCpf(doc: string): boolean {
  if (!/^\d{11}$/.test(doc) || /^(\d)\1{10}$/.test(doc)) return false;
  const digits = [...doc].map(Number);
  const check = (len: number) => {
    const sum = digits.slice(0, len).reduce((acc, d, i) => acc + d * (len + 1 - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === digits[9] && check(10) === digits[10];
}

/**
 * CNPJ: 12 characters + 2 check digits, mod 11 with weights 2..9 from the right. Since July 2026 the first 12 may
 * be letters too (value = char code − 48, so digits keep their value), which this accepts.
 */
export function isValidCnpj(doc: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(doc) || /^(\d)\1{13}$/.test(doc)) return false;
  const values = [...doc].map((c) => c.charCodeAt(0) - 48);
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += values[len - 1 - i] * ((i % 8) + 2);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(12) === values[12] && check(13) === values[13];
}
