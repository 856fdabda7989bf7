const fs=require('fs');const f=fs.readdirSync('prof')[0];const p=JSON.parse(fs.readFileSync('prof/'+f));
const self=new Map();
const dt=p.timeDeltas;const cnt=new Map();p.samples.forEach((s,i)=>cnt.set(s,(cnt.get(s)||0)+dt[i]));
for(const n of p.nodes){const k=n.callFrame.functionName+' '+n.callFrame.url.split('/').slice(-2).join('/')+':'+n.callFrame.lineNumber;self.set(k,(self.get(k)||0)+(cnt.get(n.id)||0));}
[...self].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[2]||30).forEach(([k,v])=>console.log((v/1000).toFixed(0).padStart(6),k));
