"""Account exports written by hand in the styles of two Swedish internet banks."""

from __future__ import annotations

SWEDBANK = (
    "* Transaktioner Period 2026-03-01 – 2026-03-31 Skapad 2026-04-01 10:12 CET\r\n"
    "Radnummer,Clearingnummer,Kontonummer,Produkt,Valuta,Bokföringsdag,Transaktionsdag,"
    "Valutadag,Referens,Beskrivning,Belopp,Bokfört saldo\r\n"
    '1,8105-9,123456789,"Föreningskonto",SEK,2026-03-02,2026-03-02,2026-03-02,'
    '"802001-6013","BG AVGIFT ÅNGE",1500.00,11500.00\r\n'
    '2,8105-9,123456789,"Föreningskonto",SEK,2026-03-03,2026-03-03,2026-03-03,'
    '"","Hyra lokal",-4000.00,7500.00\r\n'
    '3,8105-9,123456789,"Föreningskonto",SEK,2026-03-04,2026-03-04,2026-03-04,'
    '"","Eva Enskild medlemsavgift",300.00,7800.00\r\n'
).encode("cp1252")
"""Swedbank: a ``*`` line above the headings, comma, decimal point, Windows-1252."""

NORDEA = (
    "\ufeffBokföringsdag;Belopp;Avsändare;Mottagare;Namn;Rubrik;Saldo;Valuta\r\n"
    "2026/03/05;1 500,00;;1234 56 78901;ELDSJÄLARNA;Medlemsavgift 2026;9 300,00;SEK\r\n"
    "2026/03/06;-250,50;1234 56 78901;;;Kontorsmaterial;9 049,50;SEK\r\n"
    "2026/03/06;1 500,00;;1234 56 78901;OKÄND AB;Betalning;10 549,50;SEK\r\n"
).encode("utf-8")
"""Nordea: UTF-8 with BOM, semicolon, decimal comma with spaces, dates with slashes."""
