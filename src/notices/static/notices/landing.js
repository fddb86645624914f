// Notice page: the furigana switch and the read-aloud button (speechSynthesis: no permission).
(function(){
var b=document.body,f=document.querySelector("[data-furigana]");
if(f){f.addEventListener("click",function(e){e.preventDefault();var off=!b.classList.toggle("no-furigana")?"on":"off";
document.cookie="furigana="+off+";path=/;SameSite=Lax";f.setAttribute("aria-pressed",off==="on");});f.setAttribute("aria-pressed",!b.classList.contains("no-furigana"));}
var s=window.speechSynthesis,btn=document.getElementById("speak"),lang=document.documentElement.lang;
if(!s||!btn)return;
function voice(){var v=s.getVoices();for(var i=0;i<v.length;i++){if(v[i].lang.toLowerCase().indexOf(lang.toLowerCase().split("-")[0])===0)return v[i];}return null;}
function ready(){if(voice())btn.hidden=false;}
ready();s.addEventListener("voiceschanged",ready);
var label=btn.textContent;
btn.addEventListener("click",function(){if(s.speaking){s.cancel();btn.textContent=label;return;}
var el=document.getElementById("speak-text").cloneNode(true);el.querySelectorAll("rt,.label").forEach(function(n){n.remove();});
var u=new SpeechSynthesisUtterance(el.textContent.replace(/\s+/g," "));u.lang=lang;u.voice=voice();u.onend=function(){btn.textContent=label;};
btn.textContent=btn.dataset.stop;s.speak(u);});
})();
