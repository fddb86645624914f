// The writing assistant: checks the text as it is typed (was inline; the CSP refuses inline scripts).
(function(){
var ta=document.getElementById("text"),api=ta.dataset.api,timer=null,last=null,seq=0;
var csrf=document.querySelector("[name=csrfmiddlewaretoken]").value;
function el(tag,attrs,text){var e=document.createElement(tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;return e;}
function render(r,text){
  var mirror=document.getElementById("mirror"),list=document.getElementById("issues");
  mirror.textContent="";list.textContent="";
  var order=r.issues.map(function(x,i){return i;}).sort(function(a,b){return r.issues[a].start-r.issues[b].start;}),pos=0;
  order.forEach(function(i){var x=r.issues[i];if(x.start<pos||x.end<=x.start)return;
    if(x.start>pos)mirror.appendChild(document.createTextNode(text.slice(pos,x.start)));
    mirror.appendChild(el("mark",{"data-i":i,title:x.message_ja},text.slice(x.start,x.end)));pos=x.end;});
  if(pos<text.length)mirror.appendChild(document.createTextNode(text.slice(pos)));
  r.issues.forEach(function(x,i){var li=el("li",{"data-i":i});li.appendChild(el("span",{lang:"ja"},x.message_ja));
    li.appendChild(el("span",{lang:"en",class:"label"},x.message_en));
    x.suggestions.forEach(function(s){var b=el("button",{type:"button",class:"sugg",lang:"ja"},s);
      b.addEventListener("click",function(){apply(x,s);});li.appendChild(b);});list.appendChild(li);});
  document.getElementById("count").textContent=r.issues.length;
  document.getElementById("score").textContent=r.readability==null?"–":r.readability.toFixed(2);
  document.getElementById("level").textContent=r.readability_level||"";
  document.getElementById("ruby").innerHTML=r.ruby; // ruby() output is escaped HTML from the server
}
function apply(x,s){var t=ta.value;if(t.slice(x.start,x.end)!==x.surface)return check();
  ta.value=t.slice(0,x.start)+s+t.slice(x.end);ta.focus();ta.setSelectionRange(x.start+s.length,x.start+s.length);check();}
function check(){var text=ta.value,mine=++seq;if(text===last)return;last=text;
  fetch(api,{method:"POST",headers:{"Content-Type":"application/json","X-CSRFToken":csrf},body:JSON.stringify({text:text}),credentials:"same-origin"})
  .then(function(res){return res.json().then(function(j){return [res.ok,j];});})
  .then(function(p){if(mine!==seq)return;var err=document.getElementById("error");
    if(!p[0]){err.textContent=p[1].error.message;return;}err.textContent="";render(p[1],text);});}
ta.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(check,300);});
document.getElementById("form").addEventListener("submit",function(e){e.preventDefault();last=null;check();});
if(ta.value)check();
})();
