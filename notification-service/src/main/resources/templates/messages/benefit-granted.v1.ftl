<#import "names.ftl" as n>
UBND xã/phường thông báo: <#if forPerson>một thành viên của </#if>hộ gia đình ông/bà được hưởng ${n.policy(policyCode)} từ ngày ${validFrom}<@n.entitlement/>. Chi tiết xin liên hệ UBND xã/phường.
