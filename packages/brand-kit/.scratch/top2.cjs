// self time by line for a given file substring
const fs=require('fs');const f=fs.readdirSync('prof')[0];const p=JSON.parse(fs.readFileSync('prof/'+f));
const want=process.argv[2];const byLine=new Map();
const dt=p.timeDeltas;const cnt=new Map();p.samples.forEach((s,i)=>cnt.set(s,(cnt.get(s)||0)+dt[i]));
for(const n of p.nodes){ if(!n.callFrame.url.includes(want)) continue; for(const l of (n.positionTicks||[])){const k=n.callFrame.functionName+':'+l.line; byLine.set(k,(byLine.get(k)||0)+l.ticks);} }
[...byLine].sort((a,b)=>b[1]-a[1]).slice(0,15).forEach(([k,v])=>console.log(String(v).padStart(6),k));
