import { Lexer } from 'n3';
const text = `@prefix ex: <http://e/> .
ex:s a ex:C ; ex:p "a"^^ex:dt, "b"@en, 42, """multi
line""" ; ex:q [ ex:r ( 1 ex:x ) ] .
`;
for (const t of new Lexer().tokenize(text)) console.log(JSON.stringify(t));
