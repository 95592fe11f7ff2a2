const fontkit = require('fontkit');
const pdfmake = require('pdfmake');
const docx = require('docx');
const hb = require('handlebars');
const yaml = require('yaml');
const v8 = require('v8');
if (v8.startupSnapshot?.isBuildingSnapshot()) {
  v8.startupSnapshot.setDeserializeMainFunction(() => { console.log('restored', typeof fontkit.create, typeof pdfmake.createPdf, typeof docx.Packer); });
}
