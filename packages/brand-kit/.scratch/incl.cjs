const fs=require('fs');const f=fs.readdirSync('prof')[0];const p=JSON.parse(fs.readFileSync('prof/'+f));
const byId=new Map(p.nodes.map(n=>[n.id,n]));const parent=new Map();
for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const dt=p.timeDeltas;const self=new Map();p.samples.forEach((s,i)=>self.set(s,(self.get(s)||0)+dt[i]));
const incl=new Map();
for(const [id,t] of self){const seen=new Set();let cur=id;while(cur!==undefined){const n=byId.get(cur);const k=n.callFrame.functionName+' '+n.callFrame.url.split('/').slice(-2).join('/')+':'+n.callFrame.lineNumber;if(!seen.has(k)){seen.add(k);incl.set(k,(incl.get(k)||0)+t);}cur=parent.get(cur);}}
[...incl].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[2]||40).forEach(([k,v])=>console.log((v/1000).toFixed(0).padStart(6),k));
